package p

type C3 interface{ chan int | chan float32 }
type C4 interface{ chan int | <-chan int }
type M2 interface{ map[string]int | map[string]float64 }
type M3 interface{ map[string]int | map[rune]int }

func f1[T C3](ch T) { close(ch) }
func f2[T C4](ch T) { close(ch) } // ERROR "invalid operation: cannot close receive-only channel ch \\(variable of type T constrained by C4\\)"
func f3[T M2](m T)  { delete(m, "k") }
func f4[T M3](m T)  { delete(m, "k") } // ERROR "invalid argument: maps of m \\(variable of type T constrained by M3\\) must have identical key types"
func f5[T any](m T) { delete(m, "k") } // ERROR "invalid argument: m \\(variable of type T constrained by any\\) is not a map"

func add[S ~string | ~[]byte](buf *[]byte, s S) {
	*buf = append(*buf, s...)
}

func add2[S ~string | ~[]int](buf *[]byte, s S) {
	*buf = append(*buf, s...) // ERROR "cannot use s \\(variable of type S constrained by ~string \\| ~\\[\\]int\\) as \\[\\]byte value in argument to append: cannot assign string \\(in S\\) to \\[\\]byte"
}
