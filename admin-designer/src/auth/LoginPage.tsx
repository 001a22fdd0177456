import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Navigate } from 'react-router-dom';
import { useLogin } from 'react-admin';
import { readTokens } from './session';

/** Signing in happens on the engine's own login page; this page only sends the browser there. */
export function LoginPage() {
  const login = useLogin();
  if (readTokens()) return <Navigate to="/" replace />;
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 12 }}>
      <Card sx={{ minWidth: 360 }}>
        <CardContent>
          <Typography variant="h5" gutterBottom>Engine admin</Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Design resources and browse their data. You sign in with your engine user.
          </Typography>
          <Button variant="contained" fullWidth onClick={() => login({})}>Sign in</Button>
        </CardContent>
      </Card>
    </Box>
  );
}
