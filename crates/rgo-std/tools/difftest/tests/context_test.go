package tests

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	xctx "difftest/x/context"
	xt "difftest/x/time"
)

type ctxKey string

// stripDeadline removes the time-dependent part of a WithDeadline string.
func stripDeadline(s string) string {
	if i := strings.Index(s, ".WithDeadline("); i >= 0 {
		if j := strings.Index(s[i:], ")"); j >= 0 {
			return s[:i] + ".WithDeadline(...)" + stripDeadline(s[i+j+1:])
		}
	}
	return s
}

func TestContextTree(t *testing.T) {
	// Build the same tree with both packages and compare observable state.
	xb, gb := xctx.Background(), context.Background()
	same(t, "Background", xctx.Background().(interface{ String() string }).String(), gb.(interface{ String() string }).String())
	same(t, "TODO", xctx.TODO().(interface{ String() string }).String(), context.TODO().(interface{ String() string }).String())
	xv := xctx.WithValue(xb, ctxKey("k"), "v")
	gv := context.WithValue(gb, ctxKey("k"), "v")
	xv2 := xctx.WithValue(xv, 7, struct{ A int }{1})
	gv2 := context.WithValue(gv, 7, struct{ A int }{1})
	xc, xcancel := xctx.WithCancel(xv2)
	gc, gcancel := context.WithCancel(gv2)
	xcc, xcause := xctx.WithCancelCause(xc)
	gcc, gcause := context.WithCancelCause(gc)
	xd, xdcancel := xctx.WithTimeout(xcc, xt.Hour)
	gd, gdcancel := context.WithTimeout(gcc, time.Hour)
	xw := xctx.WithoutCancel(xd)
	gw := context.WithoutCancel(gd)
	xs := func(c any) string { return stripDeadline(c.(interface{ String() string }).String()) }
	same(t, "String value", xs(xv2), xs(gv2))
	same(t, "String cancel", xs(xc), xs(gc))
	same(t, "String deadline", xs(xd), xs(gd))
	same(t, "String without", xs(xw), xs(gw))
	same(t, "Value", []any{xd.Value(ctxKey("k")), xd.Value(7), xd.Value("k"), xw.Value(ctxKey("k"))},
		[]any{gd.Value(ctxKey("k")), gd.Value(7), gd.Value("k"), gw.Value(ctxKey("k"))})
	_, xok := xd.Deadline()
	_, gok := gd.Deadline()
	same(t, "Deadline ok", xok, gok)
	same(t, "Err before", []any{xc.Err(), xcc.Err(), xd.Err()}, []any{gc.Err(), gcc.Err(), gd.Err()})
	xran, gran := make(chan bool, 1), make(chan bool, 1)
	xstop := xctx.AfterFunc(xd, func() { xran <- true })
	gstop := context.AfterFunc(gd, func() { gran <- true })
	myErr := errors.New("my cause")
	xcause(myErr)
	gcause(myErr)
	<-xd.Done()
	<-gd.Done()
	same(t, "AfterFunc ran", <-xran, <-gran)
	same(t, "AfterFunc stop after", xstop(), gstop())
	same(t, "Err after", []string{errStr(xc.Err()), errStr(xcc.Err()), errStr(xd.Err())}, []string{errStr(gc.Err()), errStr(gcc.Err()), errStr(gd.Err())})
	same(t, "Cause", []string{errStr(xctx.Cause(xcc)), errStr(xctx.Cause(xd)), errStr(xctx.Cause(xc)), errStr(xctx.Cause(xw))},
		[]string{errStr(context.Cause(gcc)), errStr(context.Cause(gd)), errStr(context.Cause(gc)), errStr(context.Cause(gw))})
	same(t, "Without not done", xw.Err() == nil, gw.Err() == nil)
	xcancel()
	gcancel()
	xdcancel()
	gdcancel()
	same(t, "Err final", errStr(xc.Err()), errStr(gc.Err()))
	// Deadline expiry.
	xe, xecancel := xctx.WithTimeout(xb, 5*xt.Millisecond)
	ge, gecancel := context.WithTimeout(gb, 5*time.Millisecond)
	defer xecancel()
	defer gecancel()
	<-xe.Done()
	<-ge.Done()
	same(t, "DeadlineExceeded", errStr(xe.Err()), errStr(ge.Err()))
	same(t, "Is DeadlineExceeded", errors.Is(xe.Err(), xctx.DeadlineExceeded), errors.Is(ge.Err(), context.DeadlineExceeded))
	xdc, xdcc := xctx.WithDeadlineCause(xb, xt.Now().Add(-xt.Second), myErr)
	gdc, gdcc := context.WithDeadlineCause(gb, time.Now().Add(-time.Second), myErr)
	same(t, "past deadline", []string{errStr(xdc.Err()), errStr(xctx.Cause(xdc))}, []string{errStr(gdc.Err()), errStr(context.Cause(gdc))})
	xdcc()
	gdcc()
	samePanic(t, "nil parent", func() any { xctx.WithValue(nil, 1, 2); return nil }, func() any { context.WithValue(nil, 1, 2); return nil })
	samePanic(t, "nil key", func() any { xctx.WithValue(xb, nil, 2); return nil }, func() any { context.WithValue(gb, nil, 2); return nil })
	samePanic(t, "uncomparable key", func() any { xctx.WithValue(xb, []int{1}, 2); return nil }, func() any { context.WithValue(gb, []int{1}, 2); return nil })
	samePanic(t, "nil cancel parent", func() any { xctx.WithCancel(nil); return nil }, func() any { context.WithCancel(nil); return nil })
}
