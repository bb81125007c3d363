"""Map pages (being built)."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


issue_list = issue_detail = venue_list = venue_detail = gap_report = action_line_list = _todo
