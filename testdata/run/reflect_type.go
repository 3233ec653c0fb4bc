package main

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

type Celsius float64

func (c Celsius) String() string    { return fmt.Sprintf("%.1fC", float64(c)) }
func (c *Celsius) Set(v float64)    { *c = Celsius(v) }
func (c Celsius) hidden() int       { return 1 }
func (c Celsius) Add(d float64, more ...int) (Celsius, error) { return c + Celsius(d), nil }

type Base struct {
	ID   int `json:"id" db:"ident"`
	note string
}

type Named struct {
	Base
	*Square
	Name  string            `json:"name,omitempty"`
	Tags  []string          `xml:"tag"`
	Attrs map[string]int
	Ch    <-chan bool
	Fn    func(int, ...string) (bool, error)
	Arr   [3]uint16
	any
}

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ S float64 }

func (s Square) Area() float64      { return s.S * s.S }
func (s Square) Perimeter() float64 { return 4 * s.S }

type MyInt int
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func describe(t reflect.Type) {
	fmt.Printf("%-40s kind=%-10s name=%q pkg=%q size=%d align=%d falign=%d cmp=%v\n",
		t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Size(), t.Align(), t.FieldAlign(), t.Comparable())
}

func main() {
	var e error = io.EOF
	vals := []any{
		0, int8(1), uint16(2), 3.5, float32(1), complex(1, 2), "s", true, MyInt(4),
		[]int{1}, [2]string{}, map[string][]int{}, make(chan int), make(<-chan string), make(chan<- []byte),
		func(int) string { return "" }, Celsius(1), new(Celsius), Square{}, &Named{}, Named{},
		struct{}{}, struct {
			A int
			b string
		}{}, Pair[string, int]{}, e, []any{}, (*Shape)(nil), uintptr(0),
	}
	for _, v := range vals {
		describe(reflect.TypeOf(v))
	}
	fmt.Println(reflect.TypeOf(nil) == nil)

	// Elem, Key, Len, ChanDir, Bits
	fmt.Println(reflect.TypeOf(map[string][]int{}).Key(), reflect.TypeOf(map[string][]int{}).Elem())
	fmt.Println(reflect.TypeOf([5]byte{}).Len(), reflect.TypeOf([5]byte{}).Elem())
	fmt.Println(reflect.TypeOf(make(<-chan string)).ChanDir(), reflect.TypeOf(make(chan<- int)).ChanDir(), reflect.TypeOf(make(chan int)).ChanDir())
	fmt.Println(reflect.TypeOf(int16(0)).Bits(), reflect.TypeOf(complex64(0)).Bits())
	fmt.Println(reflect.TypeOf(new(int)).Elem(), reflect.TypeOf((*Shape)(nil)).Elem().Kind())

	// Struct fields and tags
	nt := reflect.TypeOf(Named{})
	fmt.Println(nt.NumField())
	for i := 0; i < nt.NumField(); i++ {
		f := nt.Field(i)
		fmt.Printf("%d %s pkg=%q type=%v tag=%q off=%d idx=%v anon=%v exp=%v\n", i, f.Name, f.PkgPath, f.Type, f.Tag, f.Offset, f.Index, f.Anonymous, f.IsExported())
	}
	f, ok := nt.FieldByName("ID")
	fmt.Println(f.Name, f.Index, ok, f.Tag.Get("json"), f.Tag.Get("db"), f.Tag.Get("none"))
	v, ok := f.Tag.Lookup("db")
	fmt.Println(v, ok)
	f, ok = nt.FieldByName("note")
	fmt.Println(f.Name, f.Index, ok, f.PkgPath)
	_, ok = nt.FieldByName("Missing")
	fmt.Println(ok)
	fmt.Println(nt.FieldByIndex([]int{0, 1}).Name)
	f, ok = nt.FieldByNameFunc(func(s string) bool { return strings.HasPrefix(s, "Att") })
	fmt.Println(f.Name, ok)
	for _, vf := range reflect.VisibleFields(reflect.TypeOf(Named{})) {
		fmt.Print(vf.Name, vf.Index, " ")
	}
	fmt.Println()

	// Methods
	for _, t := range []reflect.Type{reflect.TypeOf(Celsius(0)), reflect.TypeOf(new(Celsius)), reflect.TypeOf((*Shape)(nil)).Elem(), reflect.TypeOf(e)} {
		fmt.Println(t, "NumMethod", t.NumMethod())
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			fmt.Printf("  %d %s %v idx=%d\n", i, m.Name, m.Type, m.Index)
		}
	}
	m, ok := reflect.TypeOf(Celsius(0)).MethodByName("Add")
	fmt.Println(m.Name, m.Type, ok)
	_, ok = reflect.TypeOf(Celsius(0)).MethodByName("hidden")
	fmt.Println(ok)

	// Func types
	ft := reflect.TypeOf(Named{}.Fn)
	fmt.Println(ft, ft.NumIn(), ft.NumOut(), ft.IsVariadic(), ft.In(0), ft.In(1), ft.Out(0), ft.Out(1))

	// Relations
	shape := reflect.TypeOf((*Shape)(nil)).Elem()
	stringer := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	fmt.Println(reflect.TypeOf(Square{}).Implements(shape), reflect.TypeOf(&Square{}).Implements(shape), reflect.TypeOf(Celsius(0)).Implements(shape))
	fmt.Println(reflect.TypeOf(Celsius(0)).Implements(stringer), reflect.TypeOf(new(Celsius)).Implements(stringer))
	fmt.Println(reflect.TypeOf(Square{}).AssignableTo(shape), reflect.TypeOf(MyInt(0)).AssignableTo(reflect.TypeOf(0)))
	fmt.Println(reflect.TypeOf(MyInt(0)).ConvertibleTo(reflect.TypeOf(0)), reflect.TypeOf("").ConvertibleTo(reflect.TypeOf([]byte{})), reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf([]int{}).ConvertibleTo(reflect.TypeOf("")))
	fmt.Println(reflect.TypeOf(make(chan int)).AssignableTo(reflect.TypeOf(make(<-chan int))))

	// Constructors
	pt := reflect.PointerTo(reflect.TypeOf(Square{}))
	fmt.Println(pt, pt == reflect.TypeOf(&Square{}))
	st := reflect.SliceOf(reflect.TypeOf(MyInt(0)))
	fmt.Println(st, st == reflect.SliceOf(reflect.TypeOf(MyInt(0))), reflect.SliceOf(reflect.TypeOf(0)) == reflect.TypeOf([]int{}))
	mt := reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf([]int{}))
	fmt.Println(mt, mt == reflect.TypeOf(map[string][]int{}))
	at := reflect.ArrayOf(4, reflect.TypeOf(Celsius(0)))
	fmt.Println(at, at.Len(), at.Size(), at.Comparable())
	ct := reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(0))
	fmt.Println(ct, reflect.ChanOf(reflect.BothDir, ct), reflect.ChanOf(reflect.SendDir, reflect.TypeOf("")))
	fnt := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf([]string{})}, []reflect.Type{reflect.TypeOf(false)}, true)
	fmt.Println(fnt, fnt.IsVariadic())
	sot := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeOf(int8(0)), Tag: `json:"a"`},
		{Name: "B", Type: reflect.TypeOf(""), Tag: ""},
		{Name: "C", Type: reflect.TypeOf(0.0)},
	})
	fmt.Println(sot, sot.Size(), sot.NumField(), sot.Field(1).Offset, sot.Field(0).Tag.Get("json"))
	sv := reflect.New(sot).Elem()
	sv.Field(0).SetInt(7)
	sv.Field(1).SetString("x")
	fmt.Printf("%+v\n", sv.Interface())
	fmt.Println(reflect.TypeOf(Pair[MyInt, []string]{}).Field(1).Type)
}
