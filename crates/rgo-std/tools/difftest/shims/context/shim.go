package context

import "reflect"

// Test-only bodies for the context natives.

func typeName(v any) string { return reflect.TypeOf(v).String() }

func comparable(key any) bool { return reflect.TypeOf(key).Comparable() }
