// Package lang holds qabot's language data and the text helpers every other
// package uses.
//
// The data is one directory of plain files per supported language under
// data/<code>/, embedded in the binary (see data/README.md and
// docs/DESIGN.md). Load reads it into a Registry of Language values: stop
// words, Snowball stemmers, question phrases, number words, message
// catalogues, transliteration and the lexicons. Fold, Tokens and
// AppendTokens normalise and split text in any language with byte offsets.
// NewDetector builds a language identifier for short chat questions.
//
// The package is a pure library: no globals but the read-only embedded Data,
// no I/O beyond the fs.FS it is given.
package lang

import "embed"

// Data is the embedded language data, rooted so that paths read
// "data/<code>/<file>". It is read-only and safe to share.
//
//go:embed data
var Data embed.FS
