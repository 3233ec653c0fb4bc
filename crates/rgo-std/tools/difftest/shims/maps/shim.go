package maps

import "reflect"

// Test-only body for the maps native: a reflect-based copy.

func clone(m any) any {
	v := reflect.ValueOf(m)
	out := reflect.MakeMapWithSize(v.Type(), v.Len())
	it := v.MapRange()
	for it.Next() {
		out.SetMapIndex(it.Key(), it.Value())
	}
	return out.Interface()
}
