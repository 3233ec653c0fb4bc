package main

import (
	"fmt"
	"os"
)

func main() {
	name := "os_files.tmp"
	if err := os.WriteFile(name, []byte("hello file\nline 2\n"), 0o644); err != nil {
		fmt.Println("write:", err)
		return
	}
	b, err := os.ReadFile(name)
	fmt.Printf("%q %v\n", b, err)
	_, err = os.ReadFile("/nonexistent/x")
	fmt.Println(err)
	os.Remove(name)
	_, err = os.Stat(name)
	fmt.Println(os.IsNotExist(err))
}
