package main

// Conversions between type parameters name the terms that do not convert.

type Foo struct{ f int "foo" }
type Far struct{ f float64 }
func a[X Foo, T Far](x X) T { return T(x) } // ERROR "cannot convert x \\(variable of type X constrained by Foo\\) to type T: cannot convert Foo \\(in X\\) to type Far \\(in T\\)"
func b[X Foo](x X) Far { return Far(x) } // ERROR "cannot convert x \\(variable of type X constrained by Foo\\) to type Far: cannot convert Foo \\(in X\\) to type Far"
func c[T Far](x Foo) T { return T(x) } // ERROR "cannot convert x \\(variable of struct type Foo\\) to type T: cannot convert Foo to type Far \\(in T\\)"
func d[X Foo, T Foo | Far](x X) T { return T(x) } // ERROR "cannot convert x \\(variable of type X constrained by Foo\\) to type T: cannot convert Foo \\(in X\\) to type Far \\(in T\\)"
func main() {}
