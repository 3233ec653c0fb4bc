// Integer arithmetic of every width: wrap-around, shifts, division rules.
package main

func main() {
	var a int8 = 100
	a += 100
	println("int8", a)
	var b uint8 = 250
	b += 10
	println("uint8", b)
	var c int16 = -32768
	c--
	println("int16", c)
	var d uint16 = 1
	d -= 2
	println("uint16", d)
	var e int32 = 1 << 30
	e *= 4
	println("int32", e)
	var f uint32 = 0xffffffff
	f++
	println("uint32", f)
	var g int64 = 9223372036854775807
	g++
	println("int64", g)
	var h uint64 = 0
	h--
	println("uint64", h)
	var m int32 = -2147483648
	var n int32 = -1
	println("minint32 / -1", m/n, m%n)
	var m64 int64 = -9223372036854775808
	var n64 int64 = -1
	println("minint64 / -1", m64/n64, m64%n64)
	println("div", -7/2, 7/-2, -7%3, 7%-3)
	var s uint = 70
	x := 1
	println("shift", x<<s, x<<63, -8>>1, uint64(1)<<63>>s)
	var i8 int8 = -128
	println("shr int8", i8>>7, i8>>100)
	var u8 uint8 = 0x81
	println("shl uint8", u8<<1, u8<<7, u8>>1)
	println("not", ^0, ^uint8(5), ^int8(5))
	println("andnot", 0xff&^0x0f, 6&3, 6|3, 6^3)
	m1 := -x
	println("conv", int8(200+x), uint8(int8(m1)), int16(70000+x), uint32(int64(m1)), int64(uint32(1<<31)))
	var big uint64 = 1<<64 - 1
	println("uint64 big", big, big/3, big%7, int64(big))
	fl := -3.9
	var f32 float32 = 1.5
	println("float->int", int(3.9+float64(x)-1), int(fl), uint8(int(255.0)), int64(f32))
	println("int->float", float64(x)/3, float32(x)/3)
}
