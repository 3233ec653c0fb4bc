// context: the cancelCtx / timerCtx / valueCtx tree; cancellation
// propagates to children, not to parents; causes, deadlines, AfterFunc,
// WithoutCancel.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO())
	fmt.Println(bg.Err(), bg.Done() == nil)

	parent, cancel := context.WithCancel(bg)
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	vctx := context.WithValue(child, key("user"), "gopher")
	fmt.Println(vctx.Value(key("user")), vctx.Value(key("none")))
	cancel()
	<-child.Done()
	fmt.Println("child:", child.Err(), "value ctx:", vctx.Err())
	fmt.Println(errors.Is(child.Err(), context.Canceled))

	// A child's cancel does not reach its parent.
	p2, c2 := context.WithCancel(bg)
	k2, ck2 := context.WithCancel(p2)
	ck2()
	fmt.Println("parent after child cancel:", p2.Err(), "child:", k2.Err())
	c2()

	tctx, tcancel := context.WithTimeout(bg, 10*time.Millisecond)
	defer tcancel()
	dl, ok := tctx.Deadline()
	fmt.Println("has deadline:", ok, time.Until(dl) <= 10*time.Millisecond)
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	case <-time.After(time.Second):
		fmt.Println("timer did not fire")
	}

	past, pc := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println("past deadline:", past.Err())
	pc()

	cctx, ccancel := context.WithCancelCause(bg)
	ccancel(errors.New("disk full"))
	fmt.Println(cctx.Err(), context.Cause(cctx))

	actx, acancel := context.WithCancel(bg)
	ran := make(chan string, 1)
	stop := context.AfterFunc(actx, func() { ran <- "afterfunc ran" })
	acancel()
	fmt.Println(<-ran, "stop after run:", stop())

	wctx := context.WithoutCancel(vctx)
	fmt.Println("without cancel:", wctx.Err(), wctx.Value(key("user")), wctx.Done() == nil)

	// Workers stop when the context is canceled.
	wc, wcancel := context.WithCancel(bg)
	results := make(chan int)
	for i := 0; i < 4; i++ {
		go func(id int) {
			n := 0
			for {
				select {
				case <-wc.Done():
					results <- n
					return
				default:
					n++
					time.Sleep(time.Millisecond)
				}
			}
		}(i)
	}
	time.Sleep(20 * time.Millisecond)
	wcancel()
	total := 0
	for i := 0; i < 4; i++ {
		if <-results > 0 {
			total++
		}
	}
	fmt.Println("workers that ran and stopped:", total)
	fmt.Println(wc)
}
