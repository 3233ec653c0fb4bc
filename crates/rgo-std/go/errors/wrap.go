package errors

// The walk of an error tree, shared by Is, As and AsType: visit err itself,
// then follow Unwrap() error as a chain, or Unwrap() []error depth-first in
// slice order; nil children are skipped and a nil Unwrap result ends the
// chain.

// single and multi are the two wrapping shapes an error can have.
type single interface{ Unwrap() error }
type multi interface{ Unwrap() []error }

// Unwrap returns err.Unwrap() when err has an Unwrap method returning a
// single error, and nil otherwise (errors from Join included).
func Unwrap(err error) error {
	if w, ok := err.(single); ok {
		return w.Unwrap()
	}
	return nil
}

// visit calls match on err and its descendants in tree order until match
// returns true; it reports whether that happened.
func visit(err error, match func(error) bool) bool {
	for err != nil {
		if match(err) {
			return true
		}
		switch w := err.(type) {
		case single:
			err = w.Unwrap()
		case multi:
			for _, child := range w.Unwrap() {
				if child != nil && visit(child, match) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// Is reports whether some error in err's tree equals target (when target's
// dynamic type is comparable) or has an Is(error) bool method that accepts
// target. Two nil arguments are equal.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	canCompare := isComparable(target)
	return visit(err, func(e error) bool {
		if canCompare && e == target {
			return true
		}
		m, ok := e.(interface{ Is(error) bool })
		return ok && m.Is(target)
	})
}

// isComparable reports whether the dynamic type of v is comparable.
func isComparable(v any) bool

// As looks in err's tree for the first error that can be assigned to the
// variable target points at, or whose As(any) bool method accepts target;
// on success the variable holds that error and As returns true.
//
// target must be a non-nil pointer to an interface type or to a type that
// implements error; otherwise As panics.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	checkAsTarget(target)
	return visit(err, func(e error) bool {
		if assignAs(e, target) {
			return true
		}
		m, ok := e.(interface{ As(any) bool })
		return ok && m.As(target)
	})
}

// checkAsTarget panics with "errors: target cannot be nil",
// "errors: target must be a non-nil pointer" or
// "errors: *target must be interface or implement error" as Go does.
func checkAsTarget(target any)

// assignAs stores err in *target and reports true if err's dynamic type
// is assignable to target's element type.
func assignAs(err error, target any) bool

// AsType is the generic form of As: it returns the first error in err's
// tree that has type E (or whose As method fills an E), and whether there
// was one.
func AsType[E error](err error) (E, bool) {
	var found E
	ok := visit(err, func(e error) bool {
		if v, isE := e.(E); isE {
			found = v
			return true
		}
		m, hasAs := e.(interface{ As(any) bool })
		if !hasAs {
			return false
		}
		var candidate E
		if m.As(&candidate) {
			found = candidate
			return true
		}
		return false
	})
	return found, ok
}
