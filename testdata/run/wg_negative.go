// A negative WaitGroup counter panics (recoverably).
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done()
}
