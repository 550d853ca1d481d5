"""One router per resource: quotes, speakers, topics, articles, health."""
