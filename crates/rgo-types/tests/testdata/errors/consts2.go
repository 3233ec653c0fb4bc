package p

func ff() string

var z complex128

var (
	_ = len([4]float64{real(z)})
	_ [len([1]string{ff()})]int // ERROR "array length len\\(\\[1\\]string\\{…\\}\\) \\(value of type int\\) must be constant"
	_ = [len([2]int{1, 2})]int{}
)

var _ = 1 / 1e-600000000i // ERROR "invalid operation: division by zero"
var _ = 1i / (1e-600000000 + 1e-600000000i) // ERROR "invalid operation: division by zero"

const (
	c0 = 1 << 100
	c1 = c0 * c0
	c2 = c1 * c1
	c3 = c2 * c2 // ERROR "constant multiplication overflow"
	c4 = c3 * c3
	c5 = c4 / c4
)
