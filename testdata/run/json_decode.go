package main
import ("encoding/json";"fmt";"strings";"errors";"io")
type Inner struct{ X int; Y string `json:"y"` }
type Outer struct{ Inner; Name string; MyField int; Q int `json:",string"`; QB bool `json:"qb,string"`; M map[int]string; U UJ; T TU; R json.RawMessage; N json.Number; I any; Arr [2]int; S []string; PP **int; B []byte }
type UJ struct{ raw string }
func (u *UJ) UnmarshalJSON(b []byte) error { u.raw = string(b); if string(b) == `"fail"` { return errors.New("uj fail") }; return nil }
type TU struct{ s string }
func (t *TU) UnmarshalText(b []byte) error { t.s = "text:" + string(b); return nil }
type Strict struct{ A int }
func main(){
 var o Outer
 err := json.Unmarshal([]byte(`{"x":1,"y":"why","NAME":"n","myfield":7,"Q":"12","qb":"true","M":{"3":"c","-4":"d"},"U":{"a": [1, 2]},"T":"tt","R":{ "k" : 1 },"N":12.50,"I":{"a":[1,"s",true,null,{"z":2.5}]},"Arr":[9,8,7],"S":["a","b"],"PP":5,"B":"aGk=","extra":1}`), &o)
 pp := o.PP; o.PP = nil
 fmt.Printf("%v %+v %v\n", err, o, **pp)
 for _, s := range []string{`{"Q":"x"}`, `{"Q":12}`, `{"qb":"maybe"}`, `{"U":"fail"}`, `{"T":5}`, `{"M":{"x":"y"}}`, `{"B":"!!"}`, `{"N":"abc"}`, `{"Arr":[1]}`, `{"S":null}`, `{"I":1e400}`, `{"T":{}}`, `{"Inner":{"X":1}}`} {
  var o Outer
  err := json.Unmarshal([]byte(s), &o)
  fmt.Printf("%s => %v | %+v\n", s, err, o)
 }
 var anyv any
 fmt.Println(json.Unmarshal([]byte(`[1, 2.5, "x", {"b":{}}, []]`), &anyv), anyv)
 var ifc fmt.Stringer
 fmt.Println(json.Unmarshal([]byte(`"x"`), &ifc))
 var mp map[string]*int
 fmt.Println(json.Unmarshal([]byte(`{"a":1,"b":null}`), &mp), *mp["a"], mp["b"])
 var sl []int = []int{7,7,7,7}
 fmt.Println(json.Unmarshal([]byte(`[1,2]`), &sl), sl, len(sl), cap(sl))
 var s2 []any
 fmt.Println(json.Unmarshal([]byte(`"\ud83d\ude00 \u00e9 \ud800x \\ \/ \b"`), &s2), s2)
 var str string
 fmt.Println(json.Unmarshal([]byte(`"\ud83d\ude00 \u00e9 \ud800x \\ \/"`), &str), str)
 // Decoder
 dec := json.NewDecoder(strings.NewReader(` {"A":1} {"A":2,"B":3} [1] `))
 dec.DisallowUnknownFields()
 for {
  var s Strict
  err := dec.Decode(&s)
  fmt.Println(s, err, dec.InputOffset())
  if err == io.EOF { break }
  if err != nil { if _, ok := err.(*json.SyntaxError); ok { break } }
 }
 dec = json.NewDecoder(strings.NewReader(`{"a":[1,"two",{"c":null}],"b":true} 3.5 "end"`))
 dec.UseNumber()
 for {
  t, err := dec.Token()
  if err != nil { fmt.Println("err", err); break }
  fmt.Printf("%T %v more=%v\n", t, t, dec.More())
 }
 dec = json.NewDecoder(strings.NewReader(`[{"A":1},{"A":2}]`))
 t, _ := dec.Token(); fmt.Println(t)
 for dec.More() { var s Strict; fmt.Println(dec.Decode(&s), s) }
 t, _ = dec.Token(); fmt.Println(t)
 dec = json.NewDecoder(strings.NewReader(`[1 2]`))
 fmt.Println(dec.Token()); fmt.Println(dec.Token()); fmt.Println(dec.Token())
 dec = json.NewDecoder(strings.NewReader(`{"a" 1}`))
 fmt.Println(dec.Token()); fmt.Println(dec.Token()); fmt.Println(dec.Token())
 dec = json.NewDecoder(strings.NewReader(`{"a": x}`))
 var m map[string]any
 fmt.Println(dec.Decode(&m))
 dec = json.NewDecoder(strings.NewReader(`{"a": 1} rest`))
 fmt.Println(dec.Decode(&m), m)
 rest, _ := io.ReadAll(dec.Buffered()); fmt.Printf("%q\n", rest)
 dec = json.NewDecoder(strings.NewReader(`{"a": 1`))
 fmt.Println(dec.Decode(&m))
}
