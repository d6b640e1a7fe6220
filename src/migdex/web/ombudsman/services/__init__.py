"""The app's logic, kept out of the views: roles, imports, linking, conflicts, look-up, cases."""
