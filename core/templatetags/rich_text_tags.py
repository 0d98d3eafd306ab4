from django import template

from core.rich_text import clean_rich_text

register = template.Library()

register.filter("clean_rich_text", clean_rich_text, is_safe=True)
