package facade

// ArticlesService groups the operations on articles: help-center articles.
type ArticlesService service
