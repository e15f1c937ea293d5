// Package lang holds qabot's language data: one directory of plain data
// files per supported language under data/<code>/, embedded in the binary.
// See docs/DESIGN.md for the file formats.
package lang

import "embed"

// Data is the embedded language data, rooted so that paths read
// "data/<code>/<file>". It is read-only and safe to share.
//
//go:embed data
var Data embed.FS
