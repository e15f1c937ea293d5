package corpus

import (
	"strings"
)

// ParseDocument turns a page that is already cleaned (an article read out
// of HTML, or one kept in a database) into an Article: the same language
// settling, segmentation and fact extraction as Parse, without the
// cleaner. doc.Lang, when set, is the language the page declares.
func (p *Parser) ParseDocument(id string, doc Document) (*Article, error) {
	if len(doc.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	var text strings.Builder
	if doc.Lang != "" {
		// Read like the "lang:" line of a text file.
		text.WriteString("lang: " + doc.Lang + "\n\n")
	}
	size := 0
	for _, para := range doc.Paragraphs {
		size += len(para.Text)
		if text.Len() < identifyBytes {
			text.WriteString(para.Text)
			text.WriteString("\n\n")
		}
	}
	if p.MaxBytes > 0 && size > p.MaxBytes {
		return nil, ErrTooLarge
	}
	var a Article
	p.language(&a, []byte(text.String()))
	seg, facts := p.Segmenter, p.Facts
	if p.langs != nil {
		pl, err := p.langs.pipeline(a.Lang)
		if err != nil {
			return nil, err
		}
		seg, facts = pl.seg, pl.facts
	}
	a.ID, a.Title, a.Meta = id, doc.Title, doc.Meta
	if a.Title == "" {
		a.Title = id
	}
	seg.Build(&a, doc.Paragraphs)
	facts.Extract(&a)
	return &a, nil
}
