package rand

import real "math/rand/v2"

// Test-only bodies for the math/rand/v2 natives: the real generators.

func runtime_rand() uint64 { return real.Uint64() }

var chachas = map[*ChaCha8]*real.ChaCha8{}

func (c *ChaCha8) Seed(seed [32]byte)                    { chachas[c] = real.NewChaCha8(seed) }
func (c *ChaCha8) Uint64() uint64                        { return chachas[c].Uint64() }
func (c *ChaCha8) Read(p []byte) (n int, err error)      { return chachas[c].Read(p) }
func (c *ChaCha8) UnmarshalBinary(data []byte) error     { return chachas[c].UnmarshalBinary(data) }
func (c *ChaCha8) AppendBinary(b []byte) ([]byte, error) { return chachas[c].AppendBinary(b) }
