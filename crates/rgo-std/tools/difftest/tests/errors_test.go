package tests

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	xerrors "difftest/x/errors"
)

type myErr struct{ s string }

func (e *myErr) Error() string { return e.s }

type valErr struct{ n int }

func (e valErr) Error() string { return fmt.Sprint("val ", e.n) }

type isAll struct{}

func (isAll) Error() string        { return "isAll" }
func (isAll) Is(target error) bool { return true }

type sliceErr []int // not comparable

func (s sliceErr) Error() string { return "slice" }

type wrap struct {
	msg string
	err error
}

func (w wrap) Error() string { return w.msg }
func (w wrap) Unwrap() error { return w.err }

type asTo struct{}

func (asTo) Error() string { return "asTo" }
func (asTo) As(target any) bool {
	if p, ok := target.(**myErr); ok {
		*p = &myErr{"converted"}
		return true
	}
	return false
}

func TestErrors(t *testing.T) {
	base := &myErr{"base"}
	xj := xerrors.Join(base, nil, valErr{3}, sliceErr{1})
	gj := errors.Join(base, nil, valErr{3}, sliceErr{1})
	same(t, "Join text", xj.Error(), gj.Error())
	same(t, "Join nil", xerrors.Join(nil, nil) == nil, errors.Join(nil, nil) == nil)
	same(t, "Join one", xerrors.Join(base).Error(), errors.Join(base).Error())
	chains := []error{
		base, valErr{3}, sliceErr{1}, isAll{}, asTo{}, nil,
		wrap{"w1", base}, wrap{"w2", wrap{"w1", valErr{3}}}, wrap{"w3", nil},
		fmt.Errorf("f %w", base), fmt.Errorf("two %w %w", valErr{3}, sliceErr{2}), xj, gj,
		wrap{"w4", errors.Join(wrap{"in", base}, asTo{})}, fs.ErrNotExist,
	}
	targets := []error{base, &myErr{"base"}, valErr{3}, valErr{4}, sliceErr{1}, isAll{}, nil, fs.ErrNotExist}
	for i, e := range chains {
		for j, tg := range targets {
			samePanic(t, fmt.Sprint("Is ", i, j), func() any { return xerrors.Is(e, tg) }, func() any { return errors.Is(e, tg) })
		}
		var m1, m2 *myErr
		same(t, fmt.Sprint("As myErr ", i), []any{xerrors.As(e, &m1), fmt.Sprint(m1)}, []any{errors.As(e, &m2), fmt.Sprint(m2)})
		var v1, v2 valErr
		same(t, fmt.Sprint("As valErr ", i), []any{xerrors.As(e, &v1), v1}, []any{errors.As(e, &v2), v2})
		var i1, i2 interface{ Is(error) bool }
		same(t, fmt.Sprint("As iface ", i), xerrors.As(e, &i1), errors.As(e, &i2))
		a1, ok1 := xerrors.AsType[*myErr](e)
		a2, ok2 := errors.AsType[*myErr](e)
		same(t, fmt.Sprint("AsType ", i), []any{fmt.Sprint(a1), ok1}, []any{fmt.Sprint(a2), ok2})
		same(t, fmt.Sprint("Unwrap ", i), xerrors.Unwrap(e), errors.Unwrap(e))
	}
	var m *myErr
	for _, tg := range []any{nil, 3, m, (*int)(nil), new(int)} {
		samePanic(t, fmt.Sprint("As bad target ", tg), func() any { return xerrors.As(base, tg) }, func() any { return errors.As(base, tg) })
	}
	same(t, "New distinct", xerrors.New("a") == xerrors.New("a"), errors.New("a") == errors.New("a"))
	same(t, "ErrUnsupported", xerrors.ErrUnsupported.Error(), errors.ErrUnsupported.Error())
}
