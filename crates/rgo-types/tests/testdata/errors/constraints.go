package p

type Num interface{ ~int | ~float64 }

var x Num // ERROR "cannot use type Num outside a type constraint: interface contains type constraints"

func f(n Num) {} // ERROR "cannot use type Num outside a type constraint: interface contains type constraints"

type S struct{ n Num } // ERROR "cannot use type Num outside a type constraint: interface contains type constraints"

func g() []Num { return nil } // ERROR "cannot use type Num outside a type constraint: interface contains type constraints"

type C interface{ comparable }

var c C // ERROR "cannot use type C outside a type constraint: interface is \\(or embeds\\) comparable"

func h[T interface{ chan int | <-chan int }](ch T) int {
	return <-ch
}

func k[T interface{ chan int | chan<- int }](ch T) {
	ch <- 1
}

func m[T interface{ chan int | chan<- int }](ch T) {
	<-ch // ERROR "invalid operation: cannot receive from ch \\(variable of type T constrained by interface\\{chan int \\| chan<- int\\}\\): send-only channel chan<- int"
}

func n[T interface{ <-chan int | chan<- int }](ch T) {
	for range ch { // ERROR "cannot range over ch \\(variable of type T constrained by interface\\{<-chan int \\| chan<- int\\}\\): receive from send-only channel chan<- int"
	}
}
