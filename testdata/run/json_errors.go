package main
import ("encoding/json";"fmt";"math")
type In struct{ B int }
type T struct{ A int `json:"a"`; S In; M map[string]int; P *In; N []int }
type Bad struct{ C chan int }
func main(){
 for _, s := range []string{``, ` `, `x`, `[1,]`, `{"a" 1}`, `{"a":1 "b"}`, `[1 2]`, `{1:2}`, `"abc`, "\"a\x01\"", `"\q"`, `"\u12x4"`, `-x`, `1.x`, `1ex`, `01`, `tru`, `trux`, `nul`, `1 x`, `[`, `{"a":`, `{"a":"x"}`, `{"S":{"B":"x"}}`, `{"M":{"k":"v"}}`, `{"P":{"B":true}}`, `{"N":[1,"x"]}`, `{"a":1.5}`, `{"a":1e400}`, `{"a":99999999999999999999}`, `[]`, `{"a":{}}`, `{"a":[]}`, `{"a":null}`, `"\ud800"`} {
  var v T
  err := json.Unmarshal([]byte(s), &v)
  fmt.Printf("%q: %v", s, err)
  switch e := err.(type) { case *json.SyntaxError: fmt.Printf(" [syntax off=%d]", e.Offset); case *json.UnmarshalTypeError: fmt.Printf(" [type V=%q S=%q F=%q off=%d]", e.Value, e.Struct, e.Field, e.Offset) }
  fmt.Printf(" %v %v %v %v %v\n", v.A, v.S, v.M, v.P != nil, v.N)
 }
 var x any
 fmt.Println(json.Unmarshal([]byte(`"\x80"`), &x), x)
 fmt.Println(json.Unmarshal([]byte("\"\x80\""), &x), x)
 fmt.Println(json.Unmarshal([]byte(`1`), x))
 fmt.Println(json.Unmarshal([]byte(`1`), nil))
 var np *T
 fmt.Println(json.Unmarshal([]byte(`1`), np))
 _, err := json.Marshal(Bad{}); fmt.Println(err)
 _, err = json.Marshal(math.NaN()); fmt.Println(err)
 _, err = json.Marshal(map[string]any{"x": math.Inf(1)}); fmt.Println(err)
 _, err = json.Marshal(complex(1,2)); fmt.Println(err)
}
