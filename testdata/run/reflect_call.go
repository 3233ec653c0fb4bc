package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Acc struct{ total int }

func (a *Acc) Add(n int) int       { a.total += n; return a.total }
func (a Acc) Total() int           { return a.total }
func (a Acc) Describe(prefix string, parts ...string) string {
	return prefix + strings.Join(parts, "+") + fmt.Sprint(a.total)
}

type Big [40]int64

func (b Big) Sum(scale int8) (int64, bool) {
	var s int64
	for _, x := range b {
		s += x
	}
	return s * int64(scale), scale < 0
}

type Namer interface{ Name() string }
type Dog struct{ n string }

func (d Dog) Name() string { return "dog " + d.n }

func div(a, b int) (q int, err error) {
	if b == 0 {
		return 0, errors.New("divide by zero")
	}
	return a / b, nil
}

func mix(a int8, b uint16, c float32, d bool, s string, p *int, st struct{ X, Y int32 }) string {
	return fmt.Sprint(a, b, c, d, s, *p, st)
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	// Plain calls
	out := reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(7), reflect.ValueOf(2)})
	fmt.Println(len(out), out[0].Int(), out[1].IsNil())
	out = reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(7), reflect.ValueOf(0)})
	fmt.Println(out[0].Int(), out[1].Interface())
	seven := 7
	out = reflect.ValueOf(mix).Call([]reflect.Value{
		reflect.ValueOf(int8(-5)), reflect.ValueOf(uint16(65535)), reflect.ValueOf(float32(0.5)),
		reflect.ValueOf(true), reflect.ValueOf("s"), reflect.ValueOf(&seven), reflect.ValueOf(struct{ X, Y int32 }{-1, 2}),
	})
	fmt.Println(out[0])
	fmt.Println(reflect.ValueOf(sum).Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})[0])
	fmt.Println(reflect.ValueOf(sum).Call(nil)[0])
	fmt.Println(reflect.ValueOf(sum).CallSlice([]reflect.Value{reflect.ValueOf([]int{4, 5})})[0])
	clo := func(s string) string { return s + fmt.Sprint(seven) }
	fmt.Println(reflect.ValueOf(clo).Call([]reflect.Value{reflect.ValueOf("n=")})[0])

	// Methods
	acc := &Acc{}
	av := reflect.ValueOf(acc)
	fmt.Println(av.NumMethod(), av.Elem().NumMethod())
	av.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(5)})
	r := av.Method(0).Call([]reflect.Value{reflect.ValueOf(10)})
	fmt.Println(r[0], acc.total, av.MethodByName("Total").Call(nil)[0])
	fmt.Println(av.MethodByName("Describe").Call([]reflect.Value{reflect.ValueOf("p:"), reflect.ValueOf("a"), reflect.ValueOf("b")})[0])
	fmt.Println(av.MethodByName("Missing").IsValid(), av.MethodByName("Add").Type())
	add := av.MethodByName("Add").Interface().(func(int) int)
	fmt.Println(add(100), acc.total)
	m, _ := reflect.TypeOf(acc).MethodByName("Add")
	fmt.Println(m.Type, m.Func.Call([]reflect.Value{av, reflect.ValueOf(1)})[0])
	tot := reflect.TypeOf(Acc{}).Method(1)
	fmt.Println(tot.Name, tot.Func.Interface().(func(Acc) int)(Acc{total: 3}))
	big := Big{}
	for i := range big {
		big[i] = int64(i)
	}
	bs := reflect.ValueOf(big).MethodByName("Sum")
	res := bs.Call([]reflect.Value{reflect.ValueOf(int8(-2))})
	fmt.Println(res[0], res[1])
	f := bs.Interface().(func(int8) (int64, bool))
	fmt.Println(f(3))
	mf := reflect.TypeOf(big).Method(0).Func.Interface().(func(Big, int8) (int64, bool))
	fmt.Println(mf(big, 1))

	// Interface methods
	var n Namer = Dog{"rex"}
	nv := reflect.ValueOf(&n).Elem()
	fmt.Println(nv.Kind(), nv.NumMethod(), nv.Method(0).Call(nil)[0], nv.Elem().Type())
	nm := nv.Method(0).Interface().(func() string)
	fmt.Println(nm())

	// MakeFunc
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	reflect.ValueOf(&intSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(intSwap), swap))
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	fn := reflect.MakeFunc(reflect.TypeOf(strSwap), swap)
	strSwap = fn.Interface().(func(string, string) (string, string))
	fmt.Println(strSwap("a", "b"))
	fmt.Println(fn.Call([]reflect.Value{reflect.ValueOf("x"), reflect.ValueOf("y")})[0])
	counter := 0
	var vf func(string, ...int8) (n int, s fmt.Stringer)
	mk := reflect.MakeFunc(reflect.TypeOf(vf), func(in []reflect.Value) []reflect.Value {
		counter++
		tot := 0
		for i := 0; i < in[1].Len(); i++ {
			tot += int(in[1].Index(i).Int())
		}
		return []reflect.Value{reflect.ValueOf(tot + len(in[0].String())), reflect.Zero(reflect.TypeOf((*fmt.Stringer)(nil)).Elem())}
	})
	vf = mk.Interface().(func(string, ...int8) (int, fmt.Stringer))
	k, st := vf("abc", -1, 2, 100)
	fmt.Println(k, st == nil, counter)
	var bigf func(Big) Big
	bigf = reflect.MakeFunc(reflect.TypeOf(bigf), func(in []reflect.Value) []reflect.Value {
		b := in[0].Interface().(Big)
		b[0] = 1000
		return []reflect.Value{reflect.ValueOf(b)}
	}).Interface().(func(Big) Big)
	br := bigf(big)
	fmt.Println(br[0:3])
	var toIface func() fmt.Stringer
	toIface = reflect.MakeFunc(reflect.TypeOf(toIface), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(errStringer("made"))}
	}).Interface().(func() fmt.Stringer)
	fmt.Println(toIface().String())

	// A panic inside a reflect call unwinds through it.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(func() { panic("boom") }).Call(nil)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var g func()
		g = reflect.MakeFunc(reflect.TypeOf(g), func([]reflect.Value) []reflect.Value { panic(fmt.Sprint("from makefunc ", counter)) }).Interface().(func())
		g()
	}()
	// recover inside a deferred reflect-made function
	func() {
		defer reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value {
			fmt.Println("deferred recover:", recover())
			return nil
		}).Interface().(func())()
		panic("caught by makefunc")
	}()
	fmt.Println(reflect.ValueOf(div).Pointer() == reflect.ValueOf(div).Pointer(), reflect.ValueOf(div).Pointer() != reflect.ValueOf(sum).Pointer())
}

type errStringer string

func (e errStringer) String() string { return "stringer:" + string(e) }
