package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(k string) error {
	if k == "" {
		return &QueryError{Query: "empty", Err: ErrNotFound}
	}
	return fmt.Errorf("find %q: %w", k, ErrNotFound)
}

func main() {
	e1 := find("x")
	fmt.Println(e1)
	fmt.Println(errors.Is(e1, ErrNotFound), errors.Unwrap(e1) == ErrNotFound)
	e2 := fmt.Errorf("layer 2: %w", e1)
	fmt.Println(e2, errors.Is(e2, ErrNotFound))
	e3 := find("")
	var qe *QueryError
	if errors.As(fmt.Errorf("wrapped: %w", e3), &qe) {
		fmt.Println("as:", qe.Query, qe.Err)
	}
	e4 := fmt.Errorf("two: %w and %w", ErrNotFound, errors.New("other"))
	fmt.Println(e4, errors.Is(e4, ErrNotFound), errors.Unwrap(e4) == nil)
	e5 := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println(e5, errors.Is(e5, ErrNotFound), errors.Unwrap(e5))
	e6 := fmt.Errorf("bad: %w", "not an error")
	fmt.Println(e6)
	fmt.Printf("%v|%+v|%s\n", e2, e2, e3)
}
