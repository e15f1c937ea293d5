package qa

import (
	"math"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

// TestArticleEvidence checks the calibration's inputs that read the other
// scored candidates: the plain BM25 margin of the chosen one, and how many
// of the next candidates stand in or beside its paragraph.
func TestArticleEvidence(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "The old mill\n\nThe mill opened in spring. Its wheel turned slowly. The owner sold flour.\n\n" +
		"A storm came in winter. The river rose high. The bridge was closed.\n"
	e, err := Load(fstest.MapFS{"mill.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.idx.docs) != 6 {
		for _, d := range e.idx.docs {
			t.Logf("%+v", d.sentence)
		}
		t.Fatalf("%d sentences, want 6", len(e.idx.docs))
	}
	if e.idx.docs[0].sentence.Paragraph == e.idx.docs[3].sentence.Paragraph || e.idx.docs[0].sentence.Paragraph != e.idx.docs[2].sentence.Paragraph {
		t.Fatalf("paragraphs: %d %d %d, want the first two alike and the third apart", e.idx.docs[0].sentence.Paragraph, e.idx.docs[2].sentence.Paragraph, e.idx.docs[3].sentence.Paragraph)
	}
	cand := func(doc int, plain float64) ranked {
		x := make([]float64, numFeatures)
		x[fPlainBM25] = plain
		return ranked{doc: doc, x: x}
	}
	// Sorted by the ranker: the chosen sentence (doc 0) first; then one in
	// its paragraph, one in the other paragraph, the first sentence of the
	// other paragraph (not beside doc 0: doc 1 and 2 are between), and one
	// past the three the input reads.
	scored := []ranked{
		cand(0, 2),
		cand(2, 4),
		cand(4, 1),
		cand(3, 0),
		cand(1, 8), // past topParaDepth for top_para, still read for the margin
	}
	c := make([]float64, numCalibration)
	e.articleEvidence(scored, 0, c)
	for _, tt := range []struct {
		name string
		i    int
		want float64
	}{
		{"plain_bm25_margin", cPlainMargin, (2.0 - 8) / 8},
		{"top_para", cTopPara, 1.0 / 3},
	} {
		if math.Abs(c[tt.i]-tt.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", tt.name, c[tt.i], tt.want)
		}
	}
	// The chosen sentence ahead in plain BM25, with its neighbours first.
	scored = []ranked{cand(4, 6), cand(3, 3), cand(5, 2), cand(0, 1)}
	c = make([]float64, numCalibration)
	e.articleEvidence(scored, 0, c)
	if want := (6.0 - 3) / 6; math.Abs(c[cPlainMargin]-want) > 1e-12 {
		t.Errorf("plain_bm25_margin ahead = %v, want %v", c[cPlainMargin], want)
	}
	if want := 2.0 / 3; math.Abs(c[cTopPara]-want) > 1e-12 {
		t.Errorf("top_para = %v, want %v", c[cTopPara], want)
	}
}
