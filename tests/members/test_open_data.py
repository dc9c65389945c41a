import csv
import io
import json

import pytest
from django.utils import translation

from members.models import MASPage
from members.services.directory import DirectoryImportError, export_directory_csv, import_directory_csv

pytestmark = pytest.mark.django_db


def route(directory, name):
    return directory.url + directory.reverse_subpage(name)


def test_geojson_is_an_rfc7946_feature_collection(client, directory, schools):
    response = client.get(route(directory, "geojson"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len(data["features"]) == 3
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        # Longitude first, and within Quebec: a swapped pair would put the school in Antarctica.
        assert -80 < longitude < -57 and 44 < latitude < 63
        assert feature["properties"]["name"]
        assert feature["properties"]["url"].startswith("http")


def test_geojson_answers_not_modified_to_a_matching_etag(client, directory, schools):
    first = client.get(route(directory, "geojson"))
    again = client.get(route(directory, "geojson"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_geojson_etag_changes_when_a_school_is_published(client, directory, schools):
    first = client.get(route(directory, "geojson"))["ETag"]
    schools["levis"].title = "École du milieu de Lévis (nouveau nom)"
    schools["levis"].save_revision().publish()
    assert client.get(route(directory, "geojson"))["ETag"] != first


def test_csv_export_lists_every_school(client, directory, schools):
    response = client.get(route(directory, "csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["name"] for row in rows} == {school.title for school in schools.values()}
    assert "ETag" in response


def test_csv_round_trips_through_import(directory, schools):
    exported = export_directory_csv(directory)
    MASPage.objects.all().delete()
    report = import_directory_csv(directory, io.StringIO(exported))
    assert report.created == 3
    assert export_directory_csv(directory) == exported


def test_csv_import_updates_by_slug_and_creates_translations(directory, english_directory, schools):
    exported = export_directory_csv(directory).replace("Lévis,", "Lévis-Centre,", 1)
    extra = "nouvelle-ecole,Nouvelle école,regular,,03,,Québec,G1K 3A9,,,,,,,,,day,fr,no\n"
    report = import_directory_csv(directory, io.StringIO(exported + extra))
    assert (report.created, report.updated) == (1, 3)
    assert MASPage.objects.live().filter(slug="nouvelle-ecole", locale=english_directory.locale).exists()


def test_csv_import_reports_bad_rows_with_line_numbers_and_saves_nothing(directory):
    content = (
        "name,city,postal_code,region\n"
        "Bonne école,Lévis,G6V 6N2,12\n"
        "Mauvaise école,Lévis,12345,12\n"
        ",Québec,G1K 3A9,99\n"
    )
    with translation.override("en"), pytest.raises(DirectoryImportError) as error:
        import_directory_csv(directory, io.StringIO(content))
    # Each problem names its spreadsheet line (the header is line 1) and the bad value.
    assert error.value.messages == [
        "Line 3: “12345” is not a postal code.",
        "Line 4: the name is missing.",
        "Line 4: “99” is not a region number from 01 to 17.",
        "Line 4: no slug can be made from the name.",
    ]
    assert not MASPage.objects.exists()


def test_csv_import_rejects_a_file_without_the_needed_columns(directory):
    with pytest.raises(DirectoryImportError):
        import_directory_csv(directory, io.StringIO("foo,bar\n1,2\n"))


def test_csv_import_rejects_non_utf8_bytes(directory):
    with pytest.raises(DirectoryImportError):
        import_directory_csv(
            directory, io.BytesIO("name,city,postal_code,region\nÉcole,Lévis,G6V 6N2,12\n".encode("cp1252"))
        )
