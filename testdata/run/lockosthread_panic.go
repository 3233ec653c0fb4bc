// A panic in a goroutine locked to its thread: Go's report marks it.
package main

import "runtime"

func main() {
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	panic("still locked")
}
