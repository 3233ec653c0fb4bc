// Values narrower than a word keep their sign and value through every
// form of channel receive: <-c, v, ok := <-c, range and select, into
// variables that held other values before.
package main

import "fmt"

func wide() int64 { return 1<<40 + 77 }

func main() {
	c8 := make(chan int8, 4)
	c16 := make(chan int16, 4)
	c32 := make(chan int32, 4)
	cu8 := make(chan uint8, 4)
	cu16 := make(chan uint16, 4)
	cu32 := make(chan uint32, 4)
	cb := make(chan bool, 4)
	cf := make(chan float32, 4)
	c8 <- -1
	c8 <- -128
	c16 <- -300
	c32 <- -70000
	cu8 <- 255
	cu16 <- 65535
	cu32 <- 1<<32 - 1
	cb <- true
	cb <- false
	cf <- -1.5
	_ = wide()
	a := <-c8
	b, ok := <-c8
	fmt.Println(a, b, ok, a < 0, b == -128, int64(a)*2)
	x := <-c16
	y := <-c32
	fmt.Println(x, y, x < 0, y < -1, int64(y))
	u := <-cu8
	v := <-cu16
	w := <-cu32
	fmt.Println(u, v, w, uint64(w)+1, u == 255)
	t1, t2 := <-cb, <-cb
	fmt.Println(t1, t2, t1 && !t2)
	f := <-cf
	fmt.Println(f, f < 0, float64(f))
	close(c32)
	r32 := make(chan int32, 3)
	r32 <- -1
	r32 <- -2
	r32 <- 3
	close(r32)
	sum := int64(0)
	for v := range r32 {
		sum += int64(v)
		if v < 0 {
			sum *= 10
		}
	}
	fmt.Println("range:", sum)
	s16 := make(chan int16, 1)
	s8 := make(chan int8, 1)
	for i := 0; i < 4; i++ {
		_ = wide()
		if i%2 == 0 {
			s16 <- int16(-i - 1)
		} else {
			s8 <- int8(-i - 1)
		}
		select {
		case v := <-s16:
			fmt.Println("select int16", v, v < 0)
		case v, ok := <-s8:
			fmt.Println("select int8", v, ok, v < 0)
		}
	}
	z, ok := <-c32
	fmt.Println("closed:", z, ok)
}
