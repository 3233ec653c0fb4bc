package rand

import real "math/rand"

// Test-only body for the runtime generator native.

func runtime_rand() uint64 { return real.Uint64() }
