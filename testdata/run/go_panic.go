// A panic in a goroutine other than main ends the program with that
// goroutine's traceback and "created by".
package main

import "time"

func worker(n int) {
	if n == 3 {
		var m map[string]int
		m["x"] = n
	}
}

func main() {
	for i := 0; i < 5; i++ {
		if i != 3 {
			worker(i)
		}
	}
	go worker(3)
	time.Sleep(time.Second)
	println("not reached")
}
