// Package seeds embeds the articles qabot serves when no corpus folder is
// given. Every .txt file in this directory is one scraped news page, kept
// byte for byte as it was scraped.
package seeds

import "embed"

// FS holds the embedded seed articles. It is read-only, so sharing it is safe.
//
//go:embed *.txt
var FS embed.FS
