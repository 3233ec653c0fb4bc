package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int
	b string
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if ve, ok := r.(*reflect.ValueError); ok {
			fmt.Printf("%s: ValueError %q %v: %v\n", name, ve.Method, ve.Kind, ve)
			return
		}
		fmt.Printf("%s: %v\n", name, r)
	}()
	f()
}

func main() {
	t := T{1, "x"}
	v := reflect.ValueOf(&t).Elem()
	try("Int on string", func() { reflect.ValueOf("s").Int() })
	try("Uint on int", func() { reflect.ValueOf(1).Uint() })
	try("Float on zero", func() { reflect.Value{}.Float() })
	try("Bool", func() { reflect.ValueOf(1).Bool() })
	try("Len", func() { reflect.ValueOf(1).Len() })
	try("Index", func() { reflect.ValueOf(1).Index(0) })
	try("Index range", func() { reflect.ValueOf([]int{1}).Index(3) })
	try("Array range", func() { reflect.ValueOf([1]int{}).Index(1) })
	try("Field", func() { reflect.ValueOf(1).Field(0) })
	try("Field range", func() { v.Field(5) })
	try("Elem", func() { reflect.ValueOf(1).Elem() })
	try("SetInt unaddressable", func() { reflect.ValueOf(1).SetInt(2) })
	try("SetInt unexported", func() { v.Field(1).SetString("y") })
	try("SetInt kind", func() { v.Field(0).SetString("y") })
	try("Set wrong type", func() { v.Field(0).Set(reflect.ValueOf("s")) })
	try("Interface unexported", func() { v.Field(1).Interface() })
	try("IsNil", func() { reflect.ValueOf(1).IsNil() })
	try("Call non-func", func() { reflect.ValueOf(1).Call(nil) })
	try("Call few", func() { reflect.ValueOf(func(int) {}).Call(nil) })
	try("Call many", func() { reflect.ValueOf(func() {}).Call([]reflect.Value{reflect.ValueOf(1)}) })
	try("Call type", func() { reflect.ValueOf(func(int) {}).Call([]reflect.Value{reflect.ValueOf("s")}) })
	try("Call nil", func() { var f func(); reflect.ValueOf(f).Call(nil) })
	try("Type.Elem", func() { reflect.TypeOf(1).Elem() })
	try("Type.Key", func() { reflect.TypeOf(1).Key() })
	try("Type.Field", func() { reflect.TypeOf(1).Field(0) })
	try("Type.NumIn", func() { reflect.TypeOf(1).NumIn() })
	try("Type.Len", func() { reflect.TypeOf(1).Len() })
	try("Method range", func() { reflect.TypeOf(1).Method(0) })
	try("MapIndex", func() { reflect.ValueOf(1).MapIndex(reflect.ValueOf(1)) })
	try("MakeSlice", func() { reflect.MakeSlice(reflect.TypeOf(1), 0, 0) })
	try("Addr", func() { reflect.ValueOf(1).Addr() })
	try("Convert", func() { reflect.ValueOf("s").Convert(reflect.TypeOf(1)) })
	try("nil map", func() {
		var m map[string]int
		reflect.ValueOf(m).SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	})
	try("MakeFunc count", func() {
		f := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func([]reflect.Value) []reflect.Value { return nil })
		f.Call(nil)
	})
	try("MakeFunc type", func() {
		f := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func([]reflect.Value) []reflect.Value {
			return []reflect.Value{reflect.ValueOf("no")}
		})
		f.Interface().(func() int)()
	})
	try("Send closed", func() {
		c := make(chan int)
		close(c)
		reflect.ValueOf(c).Send(reflect.ValueOf(1))
	})
	reflect.ValueOf(t).Field(0).SetInt(3)
}
