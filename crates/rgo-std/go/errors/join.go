package errors

// Join combines the non-nil errors among errs into one error whose message
// is their messages separated by newlines, and whose Unwrap() []error
// returns them. With no non-nil error it returns nil.
func Join(errs ...error) error {
	var kept []error
	for k, err := range errs {
		if err == nil {
			continue
		}
		if kept == nil {
			kept = make([]error, 0, countNonNil(errs[k:]))
		}
		kept = append(kept, err)
	}
	if kept == nil {
		return nil
	}
	return &joinError{errs: kept}
}

// countNonNil counts the entries of errs that are not nil.
func countNonNil(errs []error) int {
	count := 0
	for _, err := range errs {
		if err != nil {
			count++
		}
	}
	return count
}

// joinError is the result of Join: a list of errors, never empty.
type joinError struct {
	errs []error
}

func (j *joinError) Error() string {
	if len(j.errs) == 1 {
		return j.errs[0].Error()
	}
	msg := make([]byte, 0, 16*len(j.errs))
	for k, err := range j.errs {
		if k != 0 {
			msg = append(msg, '\n')
		}
		msg = append(msg, err.Error()...)
	}
	return string(msg)
}

func (j *joinError) Unwrap() []error { return j.errs }
