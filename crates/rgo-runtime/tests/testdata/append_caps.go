// Capacity growth of append, which rounds every new backing array through
// the allocator's roundupsize. The slices live in globals so that they
// escape: a non-escaping first append would use a 32-byte stack buffer.
//
// Regenerate the golden file with real Go:
//   go run append_caps.go > append_caps.out
package main

import "fmt"

type S3 struct{ a, b, c int }

var (
	bytesSink []byte
	ints      []int
	s3s       []S3
	ptrs      []*int
	strs      []string
)

func main() {
	for _, n := range []int{1, 5, 8, 9, 17, 24, 25, 33, 100, 500, 511, 513, 1000, 1017, 1024, 1025, 2000, 5000, 10000, 32000, 32760, 32761, 32768, 32769, 40000, 100000} {
		bytesSink = append([]byte(nil), make([]byte, n)...)
		fmt.Println("byte", n, cap(bytesSink))
	}
	last := -1
	for i := 0; i < 20000; i++ {
		ints = append(ints, i)
		if cap(ints) != last {
			fmt.Println("int", cap(ints))
			last = cap(ints)
		}
	}
	last = -1
	for i := 0; i < 5000; i++ {
		s3s = append(s3s, S3{})
		if cap(s3s) != last {
			fmt.Println("s3", cap(s3s))
			last = cap(s3s)
		}
	}
	last = -1
	for i := 0; i < 5000; i++ {
		ptrs = append(ptrs, nil)
		if cap(ptrs) != last {
			fmt.Println("ptr", cap(ptrs))
			last = cap(ptrs)
		}
	}
	last = -1
	for i := 0; i < 3000; i++ {
		strs = append(strs, "")
		if cap(strs) != last {
			fmt.Println("str", cap(strs))
			last = cap(strs)
		}
	}
}
