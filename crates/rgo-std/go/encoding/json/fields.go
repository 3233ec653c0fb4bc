package json

import (
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// jsonField is one JSON member of a struct type: where it lives (an index
// path through embedded structs) and what its tag asks for.
type jsonField struct {
	name      string
	folded    string
	tagged    bool
	index     []int
	typ       reflect.Type
	omitEmpty bool
	omitZero  bool
	quoted    bool
	depth     int
}

type structFields struct {
	list   []jsonField
	exact  map[string]int
	folded map[string]int
}

var fieldCache sync.Map // reflect.Type -> *structFields

func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	f, _ := fieldCache.LoadOrStore(t, computeFields(t))
	return f.(*structFields)
}

// goodName reports whether a tag's name may be used as a JSON key.
func goodName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) {
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// foldKey maps a key to a form equal for keys that match ignoring case.
func foldKey(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToUpper(unicode.ToLower(r)))
		i += n
	}
	return string(b)
}

func tagHas(opts, want string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == want {
			return true
		}
	}
	return false
}

func computeFields(root reflect.Type) *structFields {
	type walkItem struct {
		t     reflect.Type
		index []int
	}
	var found []jsonField
	done := map[reflect.Type]bool{}
	level := []walkItem{{root, nil}}
	for depth := 0; len(level) > 0; depth++ {
		var deeper []walkItem
		for _, it := range level {
			if done[it.t] {
				continue
			}
			for i := 0; i < it.t.NumField(); i++ {
				sf := it.t.Field(i)
				if sf.Anonymous {
					et := sf.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !goodName(name) {
					name = ""
				}
				path := make([]int, len(it.index)+1)
				copy(path, it.index)
				path[len(it.index)] = i
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name == "" && sf.Anonymous && ft.Kind() == reflect.Struct {
					deeper = append(deeper, walkItem{ft, path})
					continue
				}
				f := jsonField{name: name, tagged: name != "", index: path, typ: ft, depth: depth}
				if name == "" {
					f.name = sf.Name
				}
				f.folded = foldKey(f.name)
				f.omitEmpty = tagHas(opts, "omitempty")
				f.omitZero = tagHas(opts, "omitzero")
				if tagHas(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						f.quoted = true
					}
				}
				found = append(found, f)
			}
		}
		for _, it := range level {
			done[it.t] = true
		}
		level = deeper
	}
	// For each name keep the shallowest field; at equal depth a tagged
	// field beats untagged ones, and otherwise the name is ambiguous and
	// dropped.
	sort.SliceStable(found, func(a, b int) bool {
		x, y := found[a], found[b]
		if x.name != y.name {
			return x.name < y.name
		}
		if x.depth != y.depth {
			return x.depth < y.depth
		}
		return x.tagged && !y.tagged
	})
	var kept []jsonField
	for i := 0; i < len(found); {
		j := i + 1
		for j < len(found) && found[j].name == found[i].name {
			j++
		}
		first := found[i]
		if j-i == 1 || found[i+1].depth != first.depth || found[i+1].tagged != first.tagged {
			kept = append(kept, first)
		}
		i = j
	}
	sort.Slice(kept, func(a, b int) bool {
		x, y := kept[a].index, kept[b].index
		for k := 0; k < len(x) && k < len(y); k++ {
			if x[k] != y[k] {
				return x[k] < y[k]
			}
		}
		return len(x) < len(y)
	})
	sf := &structFields{list: kept, exact: map[string]int{}, folded: map[string]int{}}
	for i, f := range kept {
		sf.exact[f.name] = i
		if _, dup := sf.folded[f.folded]; !dup {
			sf.folded[f.folded] = i
		}
	}
	return sf
}

// lookup finds the field for an object key: exactly, else ignoring case.
func (sf *structFields) lookup(key string) *jsonField {
	if i, ok := sf.exact[key]; ok {
		return &sf.list[i]
	}
	if i, ok := sf.folded[foldKey(key)]; ok {
		return &sf.list[i]
	}
	return nil
}
