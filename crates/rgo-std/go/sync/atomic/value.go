package atomic

// Value holds an interface value that is read and written atomically; all
// values stored must have the same dynamic type. A zero Value loads nil.
//
// rgo: v holds the interface's two words; the methods are natives that
// update them atomically and panic with Go's messages:
// "sync/atomic: store of nil value into Value",
// "sync/atomic: store of inconsistently typed value into Value",
// "sync/atomic: compare and swap of inconsistently typed values into Value".
type Value struct {
	v any
}

// Load returns the value set by the most recent Store. It returns nil if
// there has been no call to Store for this Value.
func (v *Value) Load() (val any)

// Store sets the value of the Value v to val. All calls to Store for a
// given Value must use values of the same concrete type.
func (v *Value) Store(val any)

// Swap stores new into Value and returns the previous value. It returns
// nil if the Value is empty.
func (v *Value) Swap(new any) (old any)

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (v *Value) CompareAndSwap(old, new any) (swapped bool)
