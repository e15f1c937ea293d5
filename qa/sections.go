package qa

// sections cuts the bytes of a generated table (synonyms.bin, spans.bin)
// into its consecutive sections. A section that would run past the end, or
// has a negative size, is nil and leaves off past the end, so that the
// caller's final check of off against the table's length refuses a
// damaged table however many sections it read after the damage.
type sections struct {
	b   []byte
	off int
}

// next returns the following n bytes, capped so that appending to them
// cannot reach the next section.
func (s *sections) next(n int) []byte {
	if n < 0 || s.off+n > len(s.b) {
		s.off = len(s.b) + 1
		return nil
	}
	sec := s.b[s.off : s.off+n : s.off+n]
	s.off += n
	return sec
}
