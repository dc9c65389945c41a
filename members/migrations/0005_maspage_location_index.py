from django.db import migrations

# On PostgreSQL, a GiST index over each school's position lets "nearest first" read the closest
# schools straight from the index instead of sorting every school (see MASPageQuerySet.nearest_to).
# Longitude is scaled by cos(47°) so that a degree east counts about as much as a degree north at
# Quebec's latitudes; the expression must stay identical to the one the query orders by.
CREATE_INDEX = """
CREATE INDEX IF NOT EXISTS members_maspage_location_knn
ON members_maspage USING gist (point(longitude * 0.682, latitude))
WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
"""
DROP_INDEX = "DROP INDEX IF EXISTS members_maspage_location_knn;"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEX)


class Migration(migrations.Migration):
    dependencies = [("members", "0004_expertise_and_staff_workflow")]

    operations = [migrations.RunPython(create_index, drop_index)]
