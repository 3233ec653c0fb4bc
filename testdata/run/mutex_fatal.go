// Unlocking an unlocked mutex is a fatal error, not a panic: recover does
// not stop it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() { fmt.Println("recovered?", recover()) }()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Unlock()
}
