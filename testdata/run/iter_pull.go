package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  count: cleanup")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count: stopped at", i)
				return
			}
		}
	}
}

func try(label string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(label, "recovered:", r)
		}
	}()
	f()
}

func main() {
	next, stop := iter.Pull(count(3))
	for {
		v, ok := next()
		fmt.Println("next:", v, ok)
		if !ok {
			break
		}
	}
	v, ok := next()
	fmt.Println("after end:", v, ok)
	stop()
	stop()

	next, stop = iter.Pull(count(10))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println("after stop:")
	fmt.Println(next())

	// stop before the first next: the sequence never runs.
	_, stop = iter.Pull(count(5))
	stop()
	fmt.Println("stopped unstarted")

	// Pull2 over a map, sorted afterwards.
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	next2, stop2 := iter.Pull2(maps.All(m))
	var got []string
	for {
		k, v, ok := next2()
		if !ok {
			break
		}
		got = append(got, fmt.Sprint(k, "=", v))
	}
	stop2()
	slices.Sort(got)
	fmt.Println("pull2:", got)

	// A panic in the sequence reaches next's caller.
	next, stop = iter.Pull(func(yield func(int) bool) {
		yield(1)
		panic("seq exploded")
	})
	try("panic", func() {
		fmt.Println(next())
		fmt.Println(next())
	})
	fmt.Println("after panic:")
	fmt.Println(next())
	stop()

	// A panic while stopping reaches stop's caller.
	next, stop = iter.Pull(func(yield func(int) bool) {
		if !yield(1) {
			panic(fmt.Sprintf("cleanup failed %d", 7))
		}
	})
	next()
	try("stop panic", stop)

	// yield called again without next (from a goroutine-free sequence
	// that ignores yield's result after stop is impossible; call yield twice
	// from inside one next by nesting).
	next, stop = iter.Pull(func(yield func(int) bool) {
		var again func(int) bool = yield
		yield(1)
		again(2)
		again(3)
	})
	try("double", func() {
		fmt.Println(next())
		fmt.Println(next())
	})
	stop()

	// next called from inside the sequence.
	var nextSelf func() (int, bool)
	nextSelf, stop = iter.Pull(func(yield func(int) bool) {
		nextSelf()
		yield(1)
	})
	try("reentrant", func() { fmt.Println(nextSelf()) })
	stop()

	next2, stop2 = iter.Pull2(func(yield func(string, int) bool) {
		next2()
	})
	try("reentrant2", func() { next2() })
	stop2()

	// Goexit in the sequence ends the caller's goroutine.
	done := make(chan bool)
	go func() {
		defer func() { fmt.Println("goroutine deferred, recover:", recover()); done <- true }()
		next, stop := iter.Pull(func(yield func(int) bool) {
			yield(1)
			runtime.Goexit()
		})
		defer stop()
		fmt.Println(next())
		fmt.Println(next())
		fmt.Println("not reached")
	}()
	<-done

	// yield after stop returns false; values from yield are returned.
	next, stop = iter.Pull(func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i * i) {
				fmt.Println("  yield false at", i, yield(99))
				return
			}
		}
	})
	for i := 0; i < 4; i++ {
		fmt.Print(next())
		fmt.Print(" ")
	}
	fmt.Println()
	stop()
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
