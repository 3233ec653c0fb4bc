// Complex numbers: arithmetic with gc's rules (float64 products for
// complex64, runtime division with C99 inf/nan recovery), comparisons,
// conversions, complex/real/imag, print/println forms, complex values
// as map keys, struct fields, array elements and interface contents.
package main

import "math"

type Phasor complex128

type Sample struct {
	tag  int8
	gain complex64
	z    complex128
}

func quo(a, b complex128) complex128  { return a / b }
func quo64(a, b complex64) complex64  { return a / b }
func mul64(a, b complex64) complex64  { return a * b }
func parts(c complex128) (float64, float64) { return real(c), imag(c) }

func main() {
	inf, nan := math.Inf(1), math.NaN()
	a := complex(1.25, -3)
	b := 2 - 0.5i
	println(a+b, a-b, a*b, a/b, -a, +a)
	var f, g complex64 = complex64(a), 0.1 + 0.2i
	println(f+g, f-g, f*g, f/g, -g)
	println(mul64(complex(float32(1e20), 3), complex(float32(1e20), -3)))

	// Comparisons, including NaN and signed zeros.
	z := complex(nan, 0)
	println(a == a, a != b, z == z, z != z, complex(0, 0) == complex(math.Copysign(0, -1), 0))
	println(f == complex64(a), g != 0.1+0.2i)

	// Division corner cases.
	zero := 0.0
	println(quo(1, complex(zero, zero)), quo(complex(-1, 1), complex(zero, 0)))
	println(quo(complex(inf, 1), 2+3i), quo(complex(1, inf), complex(1e300, 1e300)))
	println(quo(1+1i, complex(inf, 0)), quo(1+1i, complex(-inf, nan)))
	println(quo(complex(nan, nan), 0), quo(complex(nan, 1), complex(zero, zero)))
	println(quo(1e308+1e308i, 1e-308+1e-308i), quo(3+4i, 1e-320i))
	println(quo64(1, 0), quo64(complex(float32(inf), 0), 3i))

	// Conversions and builtins.
	p := Phasor(a)
	p *= 2
	p++
	p -= 1i
	c64 := complex64(p)
	back := complex128(c64)
	r, i := parts(complex128(p))
	println(p, c64, back, r, i, real(c64), imag(c64))
	x, y := float32(0.5), float32(-0.25)
	println(complex(x, y), complex(r, 2), complex(1, i))
	const k = 3 + 4i
	println(real(k), imag(k), k*k)

	// Storage: maps, structs, arrays, interfaces.
	m := map[complex128]string{1: "one", 1i: "i"}
	m[complex(0, 1)] += "!"
	m[z] = "nan1"
	m[z] = "nan2"
	println(len(m), m[1i], m[1])
	s := Sample{1, 2 + 2i, -1i}
	s.gain *= s.gain
	s.z = s.z / complex128(s.gain)
	println(s.gain, s.z, s == Sample{1, 8i, complex(-0.125, 0)})
	arr := [3]complex64{1, 2i, -3}
	arr[2] -= arr[1] * arr[1]
	sum := complex64(0)
	for _, v := range arr {
		sum += v
	}
	println(sum, arr[2])
	var e interface{} = a
	var e2 interface{} = complex64(1.25 - 3i)
	println(e == interface{}(1.25-3i), e == e2, e.(complex128) == a)
	print(a, " ", c64, "\n")
}
