package main
import ("encoding/json";"fmt";"os";"errors";"bytes";"strings";"math")
type Emb struct{ X, Y int; Z string `json:"z"` }
type Emb2 struct{ X int; W int }
type Tagged struct{ Emb; *Emb2; Name string `json:"name,omitempty"`; Age int `json:",omitempty"`; Skip int `json:"-"`; Dash int `json:"-,"`; Q int `json:",string"`; QS string `json:"qs,string"`; F float64; F32 float32; B []byte; NilS []int; ES []int; M map[string]int; MI map[int]string; P *int; I any; private int; OZ2 struct{A int} `json:",omitzero"` }
type MJ struct{ v int }
func (m MJ) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(` { "v" : %d } `, m.v)), nil }
type PMJ struct{ v int }
func (m *PMJ) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }
type TM int
func (t TM) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("tm<%d>", int(t))), nil }
type Bad struct{}
func (Bad) MarshalJSON() ([]byte, error) { return []byte(`{bad`), nil }
type Err struct{}
func (Err) MarshalJSON() ([]byte, error) { return nil, errors.New("boom") }
type TErr struct{}
func (TErr) MarshalText() ([]byte, error) { return nil, errors.New("tboom") }
type Holder struct{ A MJ; B PMJ; C *PMJ; D TM; E map[TM]int }
type Node struct{ Next *Node; V int }
func main(){
 x := 5
 vals := []any{nil, true, 1, -3, uint8(7), 3.5, float32(0.1), 1e21, 1e20, 1e-7, 0.000001, -0.0, 123456789.0, float32(1e21), 1.0/3,
  "he said \"hi\"\n\t<a&b>\u2028\u2029\x01\x7f\xff é \b\f", []byte("hello"), []int(nil), []int{}, [3]int{1,2,3}, map[string]any{"b":1,"a":[]any{"x",nil,2.5}},
  map[int]string{10:"a", 2:"b", -1:"c"}, map[TM]bool{3:true, 1:false}, &x, Tagged{Emb: Emb{1,2,"z"}, Q: 42, QS: "str", B: []byte{0,255}, ES: []int{}, MI: map[int]string{}, P: &x, I: map[string]int{"k":1}},
  MJ{3}, PMJ{1}, &PMJ{2}, Holder{A: MJ{1}, C: &PMJ{}, D: 4, E: map[TM]int{1:2}}, &Holder{}, TM(9), json.Number("12.5"), json.RawMessage(` [1, 2 ] `),
  struct{ N json.Number `json:",string"`}{N: "3"}, struct{A, B int `json:"a"`}{}, []any{math.MaxInt64, uint64(math.MaxUint64), math.SmallestNonzeroFloat64, math.MaxFloat64, float32(math.MaxFloat32)},
  Bad{}, Err{}, TErr{}, json.Number("x"), map[string]any{"f": func(){}}, make(chan int), struct{ C complex64 }{}, []uint8{}, [2]byte{1,2},
 }
 for _, v := range vals {
  b, err := json.Marshal(v)
  fmt.Printf("%T: %s %v\n", v, b, err)
 }
 b, _ := json.MarshalIndent(map[string]any{"a":[]int{1,2}, "b": map[string]any{}, "c": []int{}, "d": map[string]int{"x":1}}, ">", "  ")
 fmt.Println(string(b))
 enc := json.NewEncoder(os.Stdout)
 enc.Encode("<&>")
 enc.SetEscapeHTML(false)
 enc.Encode("<&>")
 enc.SetIndent("", "\t")
 enc.Encode([]any{1, map[string]int{"a":1}})
 var buf bytes.Buffer
 fmt.Println(json.Compact(&buf, []byte(" { \"a\" : [ 1 , 2 ] , \"<\" : \"\u2028\" } ")), buf.String())
 buf.Reset()
 fmt.Println(json.Indent(&buf, []byte(" { \"a\" : [ 1 , 2 ] , \"b\":{}, \"c\":[ ] }  "), "#", "-"), buf.String()+"|")
 buf.Reset()
 fmt.Println(json.Indent(&buf, []byte("[1,"), "#", "-"), buf.String()+"|")
 buf.Reset()
 json.HTMLEscape(&buf, []byte(`{"a":"<b>&\u2028"}`+"\u2028"))
 fmt.Println(buf.String())
 fmt.Println(json.Valid([]byte(`{}`)), json.Valid([]byte(`{`)), json.Valid([]byte(` 1 `)))
 n := &Node{V:1}; n.Next = n
 _, err := json.Marshal(n); fmt.Println(err)
 m := map[string]any{}; m["m"] = m
 _, err = json.Marshal(m); fmt.Println(err)
 _ = strings.ToLower
 b, err = json.Marshal(struct{ A ZZ `json:",omitzero"`; B ZZ `json:",omitzero"`; C *ZZ `json:",omitzero"`; D [2]int `json:",omitzero"` }{A: ZZ{1}, B: ZZ{0}}); fmt.Println(string(b), err)
}
type ZZ struct{ v int }
func (z ZZ) IsZero() bool { return z.v == 1 }
