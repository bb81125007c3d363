def test_smoke(roadmap_process, past_meeting, coming_meeting, fatou_client, anon):
    for url in ["/processes/", "/processes/jurisdiction-approach/", past_meeting.get_absolute_url(),
                coming_meeting.get_absolute_url() + "?tz=Asia/Kolkata", "/upcoming/", "/calendar.ics",
                "/processes/jurisdiction-approach/calendar.ics", "/processes/jurisdiction-approach/feed.atom",
                "/issues/jurisdiction/feed.atom"]:
        r = anon.get(url)
        assert r.status_code == 200, (url, r.content[:3000])
        open("/tmp/smoke/" + url.strip("/").replace("/", "_").replace("?", "_") + ".html", "wb").write(r.content)
    stage = roadmap_process.stages.get(kind="decision")
    for url in ["/processes/new/", f"/processes/jurisdiction-approach/stages/new/",
                f"/processes/jurisdiction-approach/stages/{stage.pk}/edit/",
                f"/processes/jurisdiction-approach/stages/{stage.pk}/announce/",
                f"/processes/jurisdiction-approach/stages/{stage.pk}/open/",
                f"/processes/jurisdiction-approach/stages/{stage.pk}/delete/",
                "/processes/jurisdiction-approach/meetings/new/",
                past_meeting.get_absolute_url() + "edit/", past_meeting.get_absolute_url() + "minutes/",
                past_meeting.get_absolute_url() + "attendance/", coming_meeting.get_absolute_url() + "announce/"]:
        r = fatou_client.get(url)
        assert r.status_code == 200, (url, r.content[:3000])
    r = fatou_client.get("/processes/jurisdiction-approach/")
    open("/tmp/smoke/manager.html", "wb").write(r.content)


def test_api_smoke(roadmap_process, past_meeting, coming_meeting, anon):
    import json
    for url in ["/api/processes", "/api/processes/jurisdiction-approach", f"/api/meetings/{past_meeting.pk}", "/api/upcoming"]:
        r = anon.get(url)
        assert r.status_code == 200, (url, r.content[:3000])
        open("/tmp/smoke/api_" + url.strip("/").replace("/", "_") + ".json", "wb").write(json.dumps(r.json(), indent=1).encode())
