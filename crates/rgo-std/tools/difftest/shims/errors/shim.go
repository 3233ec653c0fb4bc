package errors

import "reflect"

// Test-only Go bodies (using reflect) for the natives of errors.

func isComparable(v any) bool { return reflect.TypeOf(v).Comparable() }

func checkAsTarget(target any) {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	val := reflect.ValueOf(target)
	typ := val.Type()
	if typ.Kind() != reflect.Pointer || val.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	targetType := typ.Elem()
	if targetType.Kind() != reflect.Interface && !targetType.Implements(reflect.TypeOf((*error)(nil)).Elem()) {
		panic("errors: *target must be interface or implement error")
	}
}

func assignAs(err error, target any) bool {
	val := reflect.ValueOf(target)
	if reflect.TypeOf(err).AssignableTo(val.Type().Elem()) {
		val.Elem().Set(reflect.ValueOf(err))
		return true
	}
	return false
}
