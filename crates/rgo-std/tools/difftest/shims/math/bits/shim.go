package bits

// Test-only bodies: provoke the same runtime panics as Go's bits.

func panicDivide() {
	var zero uint
	_ = 1 / zero
}

func panicOverflow() { panic(overflowErr{}) }

type overflowErr struct{}

func (overflowErr) Error() string { return "runtime error: integer overflow" }
func (overflowErr) RuntimeError() {}
