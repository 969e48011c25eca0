from django.http import HttpResponse


def overview(request, slug=None):
    return HttpResponse("")
