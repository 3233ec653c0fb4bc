// A goroutine blocked in a system call (read(2) on an empty pipe) holds
// its thread but not its P (entersyscall / sysmon's retake): at
// GOMAXPROCS=1 other goroutines keep running, however many readers
// block, and each reader gets a P back when its read returns.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	const readers = 4
	var ws []*os.File
	got := make(chan string)
	for i := 0; i < readers; i++ {
		r, w, err := os.Pipe()
		if err != nil {
			panic(err)
		}
		ws = append(ws, w)
		go func() {
			b := make([]byte, 16)
			n, _ := r.Read(b) // blocks until main writes
			got <- string(b[:n])
		}()
	}
	time.Sleep(20 * time.Millisecond)
	ticks := 0
	done := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			time.Sleep(time.Millisecond)
			ticks++
		}
		done <- true
	}()
	<-done
	fmt.Println("other goroutines ran while readers blocked:", ticks)
	for i, w := range ws {
		fmt.Fprintf(w, "reader %d", i)
	}
	var all []string
	for i := 0; i < readers; i++ {
		all = append(all, <-got)
	}
	sort.Strings(all)
	fmt.Println(all)
}
