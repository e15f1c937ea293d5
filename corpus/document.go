package corpus

// ParseDocument turns a page that is already cleaned (an article read out
// of HTML, or one kept in a database) into an Article: the same
// segmentation and fact extraction as Parse, without the cleaner.
func (p *Parser) ParseDocument(id string, doc Document) (*Article, error) {
	if len(doc.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	size := 0
	for _, para := range doc.Paragraphs {
		size += len(para.Text)
	}
	if p.MaxBytes > 0 && size > p.MaxBytes {
		return nil, ErrTooLarge
	}
	a := &Article{ID: id, Title: doc.Title, Meta: doc.Meta}
	if a.Title == "" {
		a.Title = id
	}
	p.Segmenter.Build(a, doc.Paragraphs)
	p.Facts.Extract(a)
	return a, nil
}
