"""The dashboard's pages, one module per page kind, each a thin wrapper over `exodus.web.queries`."""
from exodus.web.views import apidocs, article, conflicts, entities, fact, facts, org, overview, person, search

ROUTERS = [overview.router, person.router, org.router, fact.router, article.router, conflicts.router,
           entities.router, facts.router, search.router, apidocs.router]
