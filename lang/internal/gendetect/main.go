// Command gendetect trains the language detector on the embedded language
// data and writes its tables to lang/detector.bin, which the lang package
// embeds, so that a process has its detector at once instead of training
// one at every start. Run it through go generate ./lang after changing a
// langid.txt, a questions.tsv, stop words, transliteration tables or a
// data/other text; TestDefaultDetectorUpToDate fails until then.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/qabot/qabot/lang"
)

func main() {
	out := flag.String("out", "detector.bin", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gendetect:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return err
	}
	b, err := lang.NewDetector(reg).MarshalBinary()
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
